# expect-exit: 1
# expect-stderr: fatal: cannot continue
import sys
print("working")
sys.exit("fatal: cannot continue")
