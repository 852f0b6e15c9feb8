; Inno Setup 6 script: the Windows setup program of the Member Service Desk (会员服务台).
;
; Built by installer\build.py --installer, which passes what is not written here:
;   iscc /DAppVersion=X.Y.Z /DBundleDir=...\dist\counter-app /DOutputDir=...\dist installer\windows\counter-app.iss
; AppVersion is counter_app.__version__; BundleDir is the one-folder bundle PyInstaller made.
;
; Installs the bundle to Program Files\MemberDesk\counter-app (or the user's programs folder when
; installing without administrator rights), a start-menu entry, optionally a desktop shortcut, and an
; uninstaller. The desk's data (%LOCALAPPDATA%\MemberDesk\counter-app: store, key file, settings, logs)
; is never removed: uninstalling or upgrading the program keeps every member's points.
;
; Chinese setup pages: Inno Setup ships ChineseSimplified.isl only as an unofficial translation. Put it
; in Inno Setup's Languages folder (or next to this script) and the setup offers Chinese; without it,
; the setup is in English only (the desk itself is Chinese either way).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (installer\build.py --installer does)
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\counter-app"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{6B0E5A7C-2F4D-4C1B-9E63-8D2A7F51C0E4}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=MemberDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\MemberDesk\counter-app
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=counter-app-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\counter-app.ico
UninstallDisplayIcon={app}\counter-app.exe
UninstallDisplayName={cm:AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running desk holds its files open: ask to close it before replacing them.
CloseApplications=yes

[Languages]
#ifdef ChineseMessages
Name: "chinese"; MessagesFile: "{#ChineseMessages}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AppName=Member Service Desk
#ifdef ChineseMessages
chinese.AppName=会员服务台
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; An upgrade first removes the old program files (not the data), so nothing of an older bundle lingers.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\counter-app.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\counter-app.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\counter-app.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left in its own folder; the user data folder is not named here on purpose.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
Type: dirifempty; Name: "{autopf}\MemberDesk"
