s = f'''abc {1}

