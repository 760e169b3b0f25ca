"""The examples in README.md and docs/OUTPUT.md, run as written (ctest doc_examples).

Makes the files the examples read (results/b.h5 and results/b_csv/, from a small run) in a
temporary directory, runs every ```python block there, and checks that the README's example of
a mistyped key prints the message the README shows. Exits 77 (skipped) without h5py or pandas.

usage: doc_examples.py STOSIM SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import h5py  # noqa: F401  (the examples need it)
    import pandas  # noqa: F401
except ImportError as missing:
    print(f"skipped: {missing} (scripts/install-deps.sh --python installs python3-h5py and python3-pandas)")
    sys.exit(77)

stosim, source = sys.argv[1], sys.argv[2]


def blocks(path, language):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"```" + language + r"\n(.*?)```", f.read(), re.S)


def run(*args, **kwargs):
    return subprocess.run([stosim, *args], capture_output=True, text=True, **kwargs)


failures = 0
with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "results"))
    made = run("run", "baseline", "-o", "results/b.h5", "--scale", "0.1", "--replicates", "2", "-q", cwd=work)
    assert made.returncode == 0, made.stderr
    assert run("export", "results/b.h5", "--csv", "results/b_csv", cwd=work).returncode == 0
    shutil.copy(os.path.join(work, "results/b.h5"), os.path.join(work, "results/baseline.h5"))  # docs/OUTPUT.md's name

    for doc in ("README.md", "docs/OUTPUT.md"):
        examples = blocks(os.path.join(source, doc), "python")
        assert examples, f"{doc}: no python example"
        for number, code in enumerate(examples, 1):
            result = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True)
            status = "ok" if result.returncode == 0 else "FAILED"
            print(f"{doc}, python example {number}: {status}")
            if result.returncode != 0:
                print(result.stderr)
                failures += 1

    # README: the scenario with a mistyped key, and the message it shows for it.
    readme = open(os.path.join(source, "README.md"), encoding="utf-8").read()
    scenario = blocks(os.path.join(source, "README.md"), "yaml")[0]
    shown = re.search(r"^    (strict\.yaml:\d+: .*)$", readme, re.M).group(1)
    typo = re.search(r"(\S+): unknown key", shown).group(1).split(".")[-1]
    correct = re.search(r"did you mean '[^']*?([^.']+)'", shown).group(1)
    with open(os.path.join(work, "strict.yaml"), "w", encoding="utf-8") as f:
        f.write(scenario.replace(correct + ":", typo + ":"))
    result = run("describe", "strict.yaml", cwd=work)
    if result.returncode != 2 or shown not in result.stderr:
        print(f"README.md: the mistyped key example shows\n  {shown}\nbut stosim says (exit {result.returncode})\n{result.stderr}")
        failures += 1
    else:
        print("README.md, mistyped key example: ok")

print(f"{failures} failed" if failures else "all examples ran as written")
sys.exit(1 if failures else 0)
