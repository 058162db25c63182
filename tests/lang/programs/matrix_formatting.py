grid = [[i * j for j in range(1, 6)] for i in range(1, 6)]
for row in grid:
    print(" ".join(f"{v:3}" for v in row))
col_sums = [sum(col) for col in zip(*grid)]
print(col_sums, sum(map(sum, grid)))
diag = [grid[i][i] for i in range(len(grid))]
print(diag, max(max(r) for r in grid))
transposed = [list(r) for r in zip(*grid)]
print(transposed == grid)
