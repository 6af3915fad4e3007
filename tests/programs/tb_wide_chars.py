# Carets under a line holding wide (East Asian) characters and a tab.
def label(names, i):
	return "名前：" + names[i]


print(label(["一", "二"], 1))
print(label(["一", "二"], 5))
