# Shared by tools\run.ps1 and tools\test.ps1 (Windows): a virtual environment in .venv with Python 3.11 or newer.
# Dot-source it, then call: Need-Venv [extras]. Every step that fails stops the script with its message.
$ErrorActionPreference = "Stop"

function Test-Python311([string[]]$Python) {
    $exe, $rest = $Python
    & $exe @rest -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)"
    return ($LASTEXITCODE -eq 0)
}

function Need-Venv([string]$Extras = "") {
    if ((Test-Path .venv\Scripts\python.exe) -and -not (Test-Python311 @(".venv\Scripts\python.exe"))) {
        throw ".venv holds a Python older than 3.11: delete the .venv folder, then run this again"
    }
    if (-not (Test-Path .venv\Scripts\python.exe)) {
        if (-not (Get-Command py -ErrorAction SilentlyContinue)) {
            throw "the py launcher is missing: install Python 3.11 or newer from python.org (with the py launcher)"
        }
        if (-not (Test-Python311 @("py", "-3"))) {
            throw "Python 3.11 or newer is needed (py -3 finds an older one): install it from python.org"
        }
        py -3 -m venv .venv
        if ($LASTEXITCODE) { throw "py -3 -m venv .venv failed (exit $LASTEXITCODE)" }
    }
    $target = if ($Extras) { ".[$Extras]" } else { "." }
    .venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -e $target
    if ($LASTEXITCODE) { throw "pip install -e $target failed (exit $LASTEXITCODE)" }
}
