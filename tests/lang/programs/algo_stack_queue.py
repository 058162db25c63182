def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
print([balanced(s) for s in ["()", "([]{})", "(]", "((", "", "{[()()]}"]])
queue = []
for i in range(5):
    queue.append(i)
out = []
while queue:
    out.append(queue.pop(0))
print(out)
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in "+-*/":
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[tok])
        else:
            st.append(int(tok))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("10 2 8 * + 3 -"), rpn("1 2 /"))
