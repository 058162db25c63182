import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.exit()
