# Windows: install the kiosk into .venv (Python 3.11+) and start it in a window, from the repository folder:
#     powershell -ExecutionPolicy Bypass -File tools\run.ps1 [kiosk options, e.g. --lang en --size 1080x1920]
# Stops at the first step that fails.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
. "$PSScriptRoot\bootstrap.ps1"
Need-Venv
.venv\Scripts\kiosk.exe --windowed @args
exit $LASTEXITCODE
