import os from path
