print("ccw-bench")
