; Inno Setup script of the Windows installer (Inno Setup 6.3 or newer):
;   iscc packaging\lapor-desktop.iss
; run from the repository root after `pyinstaller build.spec` made dist\lapor-desktop\.
; The version is read from lapor-desktop.exe's version resource (/DAppVersion=X.Y.Z
; overrides it).
; The installer is written to dist\installer\lapor-desktop-<version>-setup.exe.
;
; - Per machine: installs into Program Files for every user of the PC (needs an
;   administrator once); every user's data stays in their own profile
;   (%LOCALAPPDATA%\Pemkab Kampar\lapor-desktop: database, backups, logs), which the
;   installer never touches — not on upgrade, not on uninstall.
; - Upgrade: the same AppId, so a newer installer replaces the program files in place
;   (files of the old version that the new one no longer has are removed: the
;   [InstallDelete] entry below clears the old bundle's _internal folder first).
;   The database is migrated by the program itself at its next start, after a backup.
; - Start-menu entry (and an optional desktop icon); the console executable
;   lapor-desktop-cli.exe for the commands (self-check, central …, backup …) is installed
;   beside it and is on no menu.

#define AppName "LAPOR Desktop"
#define AppExe "lapor-desktop.exe"
#define Bundle "..\dist\lapor-desktop"
#ifndef AppVersion
  ; The version resource build.spec wrote from lapor_desktop.__version__ (one source).
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + Bundle + "\" + AppExe)
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed version.
AppId={{6F0D3C1E-8B55-4E0C-9A57-2C4E1B7D9A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pemerintah Kabupaten Kampar
AppCopyright=Lisensi MIT
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=lapor-desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\lapor.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running LAPOR Desktop before replacing its files, start it again afterwards.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
; Indonesian is one of Inno Setup's user-contributed translations, not installed with it:
; put Indonesian.isl (https://jrsoftware.org/files/istrans/) next to this script to get an
; Indonesian installer; without it the installer speaks English.
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
Name: "id"; MessagesFile: "Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The old bundle's libraries: a new version brings its own complete set.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote into its own folder (nothing: it writes to the
; user's profile). User data under %LOCALAPPDATA% is deliberately kept: uninstalling
; the program must never delete complaints; the IT desk removes that folder by hand
; when a PC is retired, after a backup.
Type: dirifempty; Name: "{app}"
