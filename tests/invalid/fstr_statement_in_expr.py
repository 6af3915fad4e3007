s = f'{import os}'
