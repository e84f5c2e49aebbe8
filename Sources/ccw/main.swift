print("ccw")
