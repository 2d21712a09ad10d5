; Relance: additions to electron-builder's NSIS installer (see docs/deployment.md).
;
; Paths use $INSTDIR (the uninstaller has no $appExe).
; 1. tel:, sip: and callto: open Relance. Keys go to SHELL_CONTEXT, which follows the install
;    mode: HKLM\Software\Classes for a per-machine install (/allusers), HKCU for a per-user one.
;    Relance is also listed under Default apps, so a user (or IT policy) can pick it there.
; 2. /PROVISION=path copies an IT provisioning file to %ProgramData%\Relance\provisioning.json,
;    the machine-wide file every user's Relance reads at start.

!macro relanceRegisterScheme SCHEME
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "" "URL:${SCHEME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Relance\Capabilities\URLAssociations" "${SCHEME}" "Relance.Url"
!macroend

!macro relanceUnregisterScheme SCHEME
  ; Only our own registration: another softphone may have taken the scheme since.
  ReadRegStr $R0 SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" ""
  ${If} $R0 == '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${SCHEME}"
  ${EndIf}
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\Relance.Url" "" "Relance phone link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Relance.Url" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Relance.Url\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Relance.Url\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Relance\Capabilities" "ApplicationName" "Relance"
  WriteRegStr SHELL_CONTEXT "Software\Relance\Capabilities" "ApplicationDescription" "Softphone and CRM for car-dealership sellers"
  !insertmacro relanceRegisterScheme "tel"
  !insertmacro relanceRegisterScheme "sip"
  !insertmacro relanceRegisterScheme "callto"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "Relance" "Software\Relance\Capabilities"

  ; /PROVISION=path (quote the path if it has spaces). An auto-update passes no switch: the
  ; machine-wide file stays as IT left it.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PROVISION=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    ReadEnvStr $R2 "ProgramData"
    ${If} $R2 == ""
      StrCpy $R2 "C:\ProgramData"
    ${EndIf}
    ${IfNot} ${FileExists} "$R1"
      DetailPrint "Relance: provisioning file not found: $R1"
      MessageBox MB_OK|MB_ICONEXCLAMATION "Relance: the provisioning file was not found:$\r$\n$R1" /SD IDOK
      SetErrorLevel 2
    ${Else}
      ClearErrors
      CreateDirectory "$R2\Relance"
      CopyFiles /SILENT "$R1" "$R2\Relance\provisioning.json"
      ${If} ${Errors}
        DetailPrint "Relance: could not copy $R1 to $R2\Relance\provisioning.json"
        MessageBox MB_OK|MB_ICONEXCLAMATION "Relance: could not write $R2\Relance\provisioning.json (install for all users with /allusers)." /SD IDOK
        SetErrorLevel 2
      ${Else}
        DetailPrint "Relance: provisioning copied to $R2\Relance\provisioning.json"
      ${EndIf}
    ${EndIf}
  ${EndIf}
!macroend

!macro customUnInstall
  ; An update reinstalls right after: keep the registration it would rewrite anyway.
  ${IfNot} ${isUpdated}
    !insertmacro relanceUnregisterScheme "tel"
    !insertmacro relanceUnregisterScheme "sip"
    !insertmacro relanceUnregisterScheme "callto"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\Relance.Url"
    DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "Relance"
    DeleteRegKey SHELL_CONTEXT "Software\Relance\Capabilities"
    ; The machine-wide provisioning file belongs to IT: it is left in %ProgramData%\Relance.
  ${EndIf}
!macroend
