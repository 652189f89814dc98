# Keeps the kiosk running on Windows: starts kiosk.exe (next to this script), restarts it 3 s after it exits
# or crashes, and kills and restarts it when its heartbeat file stops moving for 60 s (a hung window).
# Started at logon by the "Lukou Kiosk" scheduled task (lukou-kiosk-task.xml). Log: supervisor.log in the
# kiosk's log folder. To stop the kiosk for maintenance, end the task in Task Scheduler first.
$ErrorActionPreference = "Continue"
$program = Join-Path $PSScriptRoot "kiosk.exe"
$heartbeat = Join-Path $env:LOCALAPPDATA "lukou-kiosk\heartbeat"
$logDir = Join-Path $env:LOCALAPPDATA "lukou-kiosk\Logs"
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir "supervisor.log"
$hangSeconds = 60

function Say($text) { "$(Get-Date -Format s) $text" | Add-Content -Path $log -Encoding UTF8 }

while ($true) {
    $started = Get-Date
    Say "starting $program"
    $kiosk = Start-Process -FilePath $program -WorkingDirectory $PSScriptRoot -PassThru
    while (-not $kiosk.HasExited) {
        Start-Sleep -Seconds 5
        # Judge the heartbeat only once the kiosk had time to start and beat.
        if (((Get-Date) - $started).TotalSeconds -gt $hangSeconds -and (Test-Path $heartbeat)) {
            $age = ((Get-Date) - (Get-Item $heartbeat).LastWriteTime).TotalSeconds
            if ($age -gt $hangSeconds) {
                Say "no heartbeat for $([int]$age) s: the kiosk hangs, restarting it"
                Stop-Process -Id $kiosk.Id -Force -ErrorAction SilentlyContinue
                break
            }
        }
    }
    $kiosk.WaitForExit()
    Say "kiosk ended with exit code $($kiosk.ExitCode); restarting in 3 s"
    Start-Sleep -Seconds 3
}
