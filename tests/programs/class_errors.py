# Errors from classes: attribute errors, wrong argument counts.


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance


acct = Account("ann", 10)
try:
    acct.withdraw(5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    acct.deposit()
except TypeError as e:
    print("TypeError:", e)
try:
    acct.deposit(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    Account()
except TypeError as e:
    print("TypeError:", e)
try:
    Account("a", 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    Account("a", bal=3)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Plain().missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Plain().nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Account.deposit(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Plain() + Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError:", e)
try:
    len(Plain())
except TypeError as e:
    print("TypeError:", e)
try:
    Plain()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    iter(Plain())
except TypeError as e:
    print("TypeError:", e)
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)

print(acct.balanse)
