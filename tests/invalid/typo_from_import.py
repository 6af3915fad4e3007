x = [1,
     2]
async_ = 1
from os imprt path
