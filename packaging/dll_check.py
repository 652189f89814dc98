"""Every DLL the Windows bundle's binaries import is there for Windows to load:
    python packaging/dll_check.py dist/kiosk        (runs on Linux too: it reads the files with pefile)
    python packaging/dll_check.py --objdump x86_64-w64-mingw32-objdump dist/kiosk   (and reads them twice)

Reads the import table (and the delay-load table) of every .exe, .dll and .pyd in a PyInstaller one-folder bundle
and resolves each imported name the way Windows will on the exhibition PC, which has no Visual C++
Redistributable and nothing else installed. An import resolves when it is

1. in Windows' system set: an API set (`api-ms-win-*`, `ext-ms-*`, resolved by the loader itself) or one of the
   DLLs of System32 on every Windows 10/11 (`SYSTEM_DLLS`; the Universal CRT `ucrtbase.dll` is one of them, the
   Visual C++ runtime `vcruntime140*.dll`/`msvcp140*.dll` is not);
2. a file in the importing binary's own folder (Python loads extension modules with
   LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR, Windows looks beside a DLL for the DLLs it imports);
3. a file in the program's folder (the folder of kiosk.exe: the application directory, always searched);
4. loaded before any module is: python3X.dll and python3.dll (the bootloader loads the first, Python itself the
   second before any extension module) and what they import from `_internal\\`;
5. for a Qt plugin (`_internal\\PySide6\\plugins\\...`): a file in `_internal\\PySide6\\`, the folder PySide6 puts
   first on PATH before Qt loads any plugin (Qt loads plugins with LoadLibrary, which searches PATH);
6. for a binary in `_internal\\PySide6\\`: `shiboken6.abi3.dll` in `_internal\\shiboken6\\`, which PySide6 adds
   with os.add_dll_directory for that library and imports first.

Nothing else counts, in particular not a DLL that merely happens to be loaded already from another package's
folder: the bundle must not depend on the order in which its modules are imported. Prints one line per import
that does not resolve (binary, DLL, where it was looked for) and a summary; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

BINARY_SUFFIXES = (".exe", ".dll", ".pyd")
RUNTIME_PREFIXES = ("msvcp140", "vcruntime140", "concrt140")  # the Visual C++ runtime: never in System32
INTERNAL = PurePosixPath("_internal")
PYSIDE = INTERNAL / "pyside6"
QT_PLUGINS = PYSIDE / "plugins"
ADDED_DLL_DIRECTORIES = {PYSIDE: {"shiboken6.abi3.dll": INTERNAL / "shiboken6"}}  # rule 6

# Rule 1: DLLs in System32 on every Windows 10 (1809 and later) and Windows 11, lower case.
SYSTEM_DLLS = frozenset(
    """
    advapi32 authz bcrypt bcryptprimitives cfgmgr32 combase comctl32 comdlg32 crypt32 cryptbase cryptsp d2d1 d3d9
    d3d10 d3d10_1 d3d11 d3d12 d3dcompiler_47 dbghelp dcomp dnsapi dwmapi dwrite dxgi dxva2 gdi32 gdiplus glu32 hid
    icu icuin icuuc imagehlp imm32 iphlpapi kernel32 kernelbase mf mfplat mfreadwrite mpr msimg32 msvcrt mswsock
    ncrypt netapi32 normaliz ntdll ole32 oleacc oleaut32 opengl32 powrprof propsys psapi rpcrt4 runtimeobject
    secur32 setupapi shcore shell32 shlwapi sspicli ucrtbase uiautomationcore user32 userenv usp10 uxtheme version
    wevtapi winhttp wininet winmm wintrust wldap32 ws2_32 wsock32 wtsapi32 winspool.drv
    """.split()
)


def is_system(name: str) -> bool:
    lower = name.lower()
    if lower.startswith(("api-ms-win-", "ext-ms-")):
        return True
    return lower.removesuffix(".dll") in SYSTEM_DLLS or lower in SYSTEM_DLLS


@dataclass(frozen=True)
class Unresolved:
    binary: str
    dll: str
    looked_in: tuple[str, ...]

    def __str__(self) -> str:
        folders = ", ".join(f"{folder}\\" if folder else "the program's folder" for folder in self.looked_in)
        return f"{self.binary}: imports {self.dll}, found neither in {folders} nor in Windows' system set"


def _win(folder: PurePosixPath, shown: Mapping[PurePosixPath, str]) -> str:
    """A folder as the bundle spells it (its files' paths keep their case; the rules compare in lower case)."""
    if str(folder) == ".":
        return ""
    for path, text in shown.items():
        if path.parent == folder:
            return text.rsplit("\\", 1)[0]
    return str(folder).replace("/", "\\")


def _preloaded(imports: Mapping[PurePosixPath, Iterable[str]], files: set[PurePosixPath]) -> set[str]:
    """Rule 4: the interpreter's DLLs and what they import from _internal (names, lower case)."""
    found: set[str] = set()
    queue = [path for path in files if path.parent == INTERNAL and path.name.startswith("python3")
             and path.suffix == ".dll"]
    while queue:
        path = queue.pop()
        if path.name in found:
            continue
        found.add(path.name)
        for name in imports.get(path, ()):
            candidate = INTERNAL / name.lower()
            if candidate in files:
                queue.append(candidate)
    return found


def search_folders(binary: PurePosixPath) -> list[PurePosixPath]:
    """Rules 2, 3 and 5: where Windows looks for what `binary` imports (bundle-relative, lower case)."""
    folders = [binary.parent, PurePosixPath(".")]
    if QT_PLUGINS in binary.parents:
        folders.append(PYSIDE)
    return list(dict.fromkeys(folders))


def unresolved(imports: Mapping[str, Iterable[str]]) -> list[Unresolved]:
    """`imports`: each binary's bundle-relative path (either slash) -> the names of the DLLs it imports.
    Every file of the bundle that can be imported is a key (a DLL that imports nothing maps to nothing)."""
    shown = {PurePosixPath(path.replace("\\", "/").lower()): path.replace("/", "\\") for path in imports}
    table = {PurePosixPath(path.replace("\\", "/").lower()): list(names) for path, names in imports.items()}
    files = set(table)
    preloaded = _preloaded(table, files)
    missing = []
    for binary, names in sorted(table.items()):
        folders = search_folders(binary)
        added = next((extra for folder, extra in ADDED_DLL_DIRECTORIES.items() if binary.parent == folder), {})
        for name in names:
            lower = name.lower()
            if is_system(lower) or lower in preloaded or any(folder / lower in files for folder in folders):
                continue
            if lower in added and added[lower] / lower in files:
                continue
            looked_in = tuple(_win(folder, shown) for folder in folders)
            missing.append(Unresolved(shown[binary], name, looked_in))
    return missing


def read_imports(bundle: Path) -> dict[str, list[str]]:
    """The import and delay-load tables of every binary in `bundle`, read with pefile."""
    import pefile  # only this reads real files; the rules above are plain Python

    # pefile stops reading an import table after 8192 symbols and silently drops the DLLs after it: QtGui.pyd
    # imports more than that from Qt6Gui.dll, and twelve of its fourteen DLLs went unchecked. No such cap here, and
    # a table pefile still calls damaged fails the check rather than passing it half read.
    pefile.MAX_IMPORT_SYMBOLS = 1 << 20
    directories = [pefile.DIRECTORY_ENTRY[name] for name in
                   ("IMAGE_DIRECTORY_ENTRY_IMPORT", "IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT")]
    table: dict[str, list[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in BINARY_SUFFIXES:
            continue
        pe = pefile.PE(str(path), fast_load=True)
        try:
            pe.parse_data_directories(directories=directories)
            damaged = [w for w in pe.get_warnings() if "import" in w.lower()]
            if damaged:
                raise ValueError(f"{path}: its import table cannot be read whole: {damaged[0]}")
            entries = [*getattr(pe, "DIRECTORY_ENTRY_IMPORT", []), *getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", [])]
            table[path.relative_to(bundle).as_posix()] = [entry.dll.decode("ascii") for entry in entries]
        finally:
            pe.close()
    return table


def objdump_differences(bundle: Path, table: Mapping[str, Iterable[str]], objdump: str) -> list[str]:
    """A second reading of every import table, by binutils' `objdump -p`: the binaries whose DLL names differ."""
    differences = []
    for path, names in table.items():
        done = subprocess.run([objdump, "-p", str(bundle / path)], capture_output=True, text=True, check=True)
        theirs = sorted(name.lower() for name in re.findall(r"DLL Name: (\S+)", done.stdout))
        if theirs != sorted(name.lower() for name in names):
            differences.append(f"{path}: pefile read {len(list(names))} imported DLLs, objdump {len(theirs)}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that every DLL import of a Windows bundle resolves.")
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/kiosk")
    parser.add_argument("--objdump", metavar="PROGRAM",
                        help="also read every import table with this objdump (x86_64-w64-mingw32-objdump) and "
                             "fail if the two readings differ")
    args = parser.parse_args(argv)
    if not (args.bundle / "_internal").is_dir():
        print(f"{args.bundle}: not a one-folder bundle (no _internal folder)", file=sys.stderr)
        return 2
    table = read_imports(args.bundle)
    if args.objdump:
        differences = objdump_differences(args.bundle, table, args.objdump)
        for difference in differences:
            print(difference)
        if differences:
            print(f"dll check: the import tables of {len(differences)} binaries read differently")
            return 1
    missing = unresolved(table)
    for problem in missing:
        print(problem)
    runtime = sorted(path for path in table if PurePosixPath(path).name.lower().startswith(RUNTIME_PREFIXES))
    print("Visual C++ runtime in the bundle: " + (", ".join(p.replace("/", "\\") for p in runtime) or "none"))
    count = sum(len(names) for names in table.values())
    verdict = f"{len(missing)} do not resolve" if missing else "all resolve"
    read = " (read alike by pefile and objdump)" if args.objdump else ""
    print(f"dll check: {len(table)} binaries, {count} imports{read}: {verdict}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
