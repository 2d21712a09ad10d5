<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<!-- A lead who picks up: rings, answers with PCMU whose media address is {{MEDIA_PORT}} (a Node
     RTP sink in tests/rig/sipp-dialer.ts, so the test can count what the app sent), and keeps the
     call until the app hangs up. Copies Record-Route so ACK and BYE come through the proxy. A
     dialog that dies without a BYE (the app's page closed, its host killed) ends here after
     {{BYE_TIMEOUT_MS}} ms: the UAS takes each INVITE as a call of its own, and this frees the call. -->
<scenario name="lead answers">
  <recv request="INVITE" crlf="true"/>
  <send>
    <![CDATA[
      SIP/2.0 180 Ringing
      [last_Via:]
      [last_Record-Route:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
      Content-Length: 0

    ]]>
  </send>
  <send retrans="500">
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_Record-Route:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=sipp 53655765 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio {{MEDIA_PORT}} RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-15
      a=ptime:20
      a=sendrecv

    ]]>
  </send>
  <recv request="ACK" crlf="true"/>
  <recv request="BYE" timeout="{{BYE_TIMEOUT_MS}}" ontimeout="1"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
  <label id="1"/>
</scenario>
