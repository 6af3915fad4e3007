# An uncaught exception whose class says it lives in another module.
class QuotaExceeded(Exception):
    __module__ = "billing.limits"


def charge(amount, limit):
    if amount > limit:
        raise QuotaExceeded(amount, limit)
    return limit - amount


print(charge(5, 10))
charge(50, 10)
