items = [
    'alpha'
    'beta',
    gamma delta,
]
