"""Reads every CSV file in the given directories with pandas, failing on any warning (a
DtypeWarning means a column changes type between rows), and checks each column has one type."""
import glob
import os
import sys
import warnings

import pandas as pd

warnings.simplefilter("error")
files = 0
for directory in sys.argv[1:]:
    for path in sorted(glob.glob(os.path.join(directory, "*.csv"))):
        frame = pd.read_csv(path)
        for column in frame.columns:
            kinds = {type(v).__name__ for v in frame[column].dropna()}
            if len(kinds) > 1:
                sys.exit(f"{path}: column {column} mixes {sorted(kinds)}")
        files += 1
if files == 0:
    sys.exit("no CSV files found")
print(f"{files} CSV files read without warnings")
