import os
import os.path
import os.path as osp
from sys import argv, path as sys_path
from collections import (OrderedDict,
                         defaultdict as dd)
from json import *


def lazy():
    import math
    from . import sibling
    from .pkg import thing as alias
    from .. import parent
    return math, sibling, alias, parent


def late():
    global re
    import re
    from os import sep
    return sep


print(osp is os.path, OrderedDict.__name__, dd.__name__, late())
