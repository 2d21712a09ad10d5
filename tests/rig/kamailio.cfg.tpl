#!KAMAILIO
# Test registrar + proxy for the e2e rig. Rendered by tests/rig/rig.ts:
# {{UDP_PORT}}, {{WS_PORT}}, {{RTPE_NG_PORT}} are replaced at start.

debug=2
log_stderror=yes
log_prefix="{$mt $hdr(CSeq) $ci} "
memdbg=5
memlog=5
children=2
tcp_children=2
auto_aliases=no
# No plain "alias=127.0.0.1": without a port every loopback port becomes "myself".
listen=udp:127.0.0.1:{{UDP_PORT}}
listen=tcp:127.0.0.1:{{WS_PORT}}
tcp_accept_no_cl=yes
tcp_connection_lifetime=3605
dns=no
rev_dns=no
use_dns_cache=off

loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "sanity.so"
loadmodule "htable.so"
loadmodule "auth.so"
loadmodule "nathelper.so"
loadmodule "xhttp.so"
loadmodule "websocket.so"
loadmodule "rtpengine.so"

modparam("tm", "fr_timer", 10000)
modparam("tm", "fr_inv_timer", 60000)
modparam("rr", "enable_full_lr", 1)
modparam("rr", "append_fromtag", 1)
modparam("usrloc", "db_mode", 0)
modparam("registrar", "max_expires", 3600)
modparam("registrar", "min_expires", 10)
modparam("nathelper|registrar", "received_avp", "$avp(RECEIVED)")
modparam("htable", "htable", "users=>size=4;")
modparam("auth", "nonce_expire", 300)
modparam("websocket", "keepalive_mechanism", 0)
modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:{{RTPE_NG_PORT}}")
modparam("rtpengine", "rtpengine_tout_ms", 2000)

# Test users; no database.
event_route[htable:mod-init] {
	$sht(users=>alice) = "alicepw";
	$sht(users=>bob) = "bobpw";
	$sht(users=>carol) = "carolpw";
	$sht(users=>sipp) = "sipppw";
	$sht(users=>0478000001) = "customerpw";
}

# Message flags (transaction-wide): source / destination of the request is a WebRTC (WS) client.
#!define FL_SRC_WS 5
#!define FL_DST_WS 6
#!define FL_RTPE 7

request_route {
	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}
	if (!sanity_check("17895", "7")) {
		exit;
	}

	force_rport();
	if ($pr == "ws" || $pr == "wss") {
		setflag(FL_SRC_WS);
		if (is_method("REGISTER")) {
			fix_nated_register();
		} else if (is_present_hf("Contact")) {
			# WS contacts are "*.invalid": alias them to the real connection.
			set_contact_alias();
		}
	}

	if (is_method("OPTIONS") && $rU == $null) {
		sl_send_reply("200", "OK");
		exit;
	}

	if (has_totag()) {
		route(WITHINDLG);
		exit;
	}

	if (is_method("CANCEL")) {
		if (t_check_trans()) {
			rtpengine_delete();
			t_relay();
		}
		exit;
	}
	if (is_method("ACK")) {
		if (t_check_trans()) {
			t_relay();
		}
		exit;
	}
	t_check_trans();

	route(AUTH);

	if (is_method("REGISTER")) {
		if (!save("location")) {
			sl_reply_error();
		}
		exit;
	}

	remove_hf("Route");
	if (is_method("INVITE|SUBSCRIBE|REFER|MESSAGE")) {
		record_route();
	}

	if (!route(IS_LOCAL)) {
		sl_send_reply("403", "Relaying Forbidden");
		exit;
	}
	if (!lookup("location")) {
		t_newtran();
		t_reply("404", "Not Found");
		exit;
	}
	route(RELAY);
}

# R-URI host is this proxy (any of its ports, or the default port that sip.js implies).
route[IS_LOCAL] {
	if ($rd == "127.0.0.1" && ($rp == 5060 || $rp == {{UDP_PORT}} || $rp == {{WS_PORT}})) {
		return 1;
	}
	return -1;
}

route[AUTH] {
	# A missing htable key reads as 0, not $null: test the key itself, or an unknown user
	# would register with the password "0". Unknown users get a password nobody sends.
	$var(pw) = "!unknown-user!";
	if ($sht(users=>$au) != $null) {
		$var(pw) = $sht(users=>$au);
	} else if ($au =~ "^[+][1-9][0-9]{6,14}$") {
		# Lead phones: any E.164 number registers with the password "leadpw" (dialer tests).
		$var(pw) = "leadpw";
	}
	if (is_method("REGISTER")) {
		$var(rc) = pv_www_authenticate("$td", "$var(pw)", "0");
		if ($var(rc) > 0 && $au == $tU) {
			consume_credentials();
			return;
		}
		if ($var(rc) == -2 || $var(rc) == -3 || ($var(rc) > 0 && $au != $tU)) {
			sl_send_reply("403", "Forbidden");
			exit;
		}
		www_challenge("$td", "0");
		exit;
	}
	$var(rc) = pv_proxy_authenticate("$fd", "$var(pw)", "0");
	if ($var(rc) > 0 && $au == $fU) {
		consume_credentials();
		return;
	}
	if ($var(rc) == -2 || $var(rc) == -3 || ($var(rc) > 0 && $au != $fU)) {
		sl_send_reply("403", "Forbidden");
		exit;
	}
	proxy_challenge("$fd", "0");
	exit;
}

route[WITHINDLG] {
	if (!loose_route()) {
		if (is_method("ACK") && t_check_trans()) {
			t_relay();
			exit;
		}
		sl_send_reply("404", "Not here");
		exit;
	}
	# R-URI is the peer's aliased contact: send to its real connection.
	handle_ruri_alias();
	if (is_method("BYE")) {
		rtpengine_delete();
	}
	route(RELAY);
}

route[RELAY] {
	if ($du =~ "transport=ws" || ($du == $null && $ru =~ "transport=ws")) {
		setflag(FL_DST_WS);
	}
	if (is_method("INVITE|UPDATE")) {
		t_on_reply("REPLY");
		t_on_failure("FAIL");
		route(RTPE_OFFER);
	}
	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

# WebRTC leg: ICE + DTLS-SRTP + rtcp-mux; plain leg (sipp): RTP/AVP, no ICE.
# No forced DTLS role: rtpengine offers actpass and Chromium answers active, and re-INVITEs
# keep the role already negotiated (forcing DTLS=passive in an answer stalls DTLS).
route[RTPE_OFFER] {
	if (!has_body("application/sdp")) {
		return;
	}
	setflag(FL_RTPE);
	if (isflagset(FL_DST_WS)) {
		$var(f) = "ICE=force RTP/SAVPF rtcp-mux-offer SDES-off";
	} else {
		$var(f) = "ICE=remove RTP/AVP rtcp-mux-demux";
	}
	rtpengine_offer("replace-origin replace-session-connection trust-address $var(f)");
}

route[RTPE_ANSWER] {
	if (!has_body("application/sdp")) {
		return;
	}
	# The answer goes back toward the offerer (source of the request).
	if (isflagset(FL_SRC_WS)) {
		$var(f) = "ICE=force RTP/SAVPF rtcp-mux-require SDES-off";
	} else {
		$var(f) = "ICE=remove RTP/AVP rtcp-mux-demux";
	}
	rtpengine_answer("replace-origin replace-session-connection trust-address $var(f)");
}

onreply_route[REPLY] {
	if ($pr == "ws" || $pr == "wss") {
		set_contact_alias();
	}
	if (isflagset(FL_RTPE) && status =~ "(18[03])|(2[0-9][0-9])") {
		route(RTPE_ANSWER);
	}
}

failure_route[FAIL] {
	if (t_is_canceled()) {
		exit;
	}
	# A refused re-INVITE (e.g. a hold the peer rejects) must not tear down the call's media.
	if (isflagset(FL_RTPE) && !has_totag()) {
		rtpengine_delete();
	}
}

event_route[xhttp:request] {
	if ($Rp != {{WS_PORT}}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}
	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		if (ws_handle_handshake()) {
			exit;
		}
	}
	xhttp_reply("404", "Not Found", "", "");
}
