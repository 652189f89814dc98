# Windows: install the kiosk with its test tools into .venv (Python 3.11+) and run the whole test suite:
#     powershell -ExecutionPolicy Bypass -File tools\test.ps1 [pytest options]
# Stops at the first step that fails; the exit code is pytest's.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
. "$PSScriptRoot\bootstrap.ps1"
Need-Venv "test"
.venv\Scripts\python.exe -m pytest @args
exit $LASTEXITCODE
