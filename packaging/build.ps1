# Build the packaged kiosk, a one-folder bundle, into dist\kiosk\ (Windows, from the repository folder):
#     powershell -ExecutionPolicy Bypass -File packaging\build.ps1
# Installs the build tools into .venv, runs PyInstaller on packaging\kiosk.spec, prints the bundle's size.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv\Scripts\python.exe)) {
    py -3 -m venv .venv
    if ($LASTEXITCODE) { throw "py -3 -m venv failed: install Python 3.11+ from python.org (with the py launcher)" }
}
.venv\Scripts\python -m pip install -q --disable-pip-version-check -e ".[package]"
if ($LASTEXITCODE) { exit $LASTEXITCODE }

$clock = [Diagnostics.Stopwatch]::StartNew()
.venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\kiosk.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }
# What an installer needs travels with the program: the guide, the supervisor and the scheduled task. Task
# Scheduler reads a task file only as UTF-16 LE with a byte-order mark ("Unicode" here); the source stays ASCII.
Copy-Item packaging\README.md dist\kiosk\INSTALL.md
Copy-Item packaging\windows\supervise.ps1 dist\kiosk\
Get-Content packaging\windows\lukou-kiosk-task.xml | Set-Content -Encoding Unicode dist\kiosk\lukou-kiosk-task.xml

$files = Get-ChildItem dist\kiosk -Recurse -File
$bytes = ($files | Measure-Object Length -Sum).Sum
"bundle: dist\kiosk  {0:N0} MB, {1} files, built in {2:N0} s" -f ($bytes / 1e6), $files.Count, $clock.Elapsed.TotalSeconds
"try it:  dist\kiosk\kiosk-console.exe --smoke   and   dist\kiosk\kiosk-console.exe --selftest"
