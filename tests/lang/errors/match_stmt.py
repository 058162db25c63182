# expect-exit: 2
# expect-stderr: {file}:4:1: error: the 'match' statement is not supported by Taskscope yet
command = "go"
match command:
    case "go":
        print("going")
