#!/usr/bin/env python3
"""check_displacements.py OBJDUMP OBJECT -- fail if a 12-bit displacement
relocation (R_390_12) of a guest program resolves beyond 4095.

Guest programs are linked at address 0 and may address their data with
base register 0 ("l %r1,label"); GNU ld silently truncates R_390_12 when
the label lies beyond 4095, which would make the program read the wrong
storage.  The image is linked at 0, so a section-relative value is the
final address."""
import re, subprocess, sys

objdump, obj = sys.argv[1], sys.argv[2]
out = subprocess.run([objdump, "-r", obj], capture_output=True, text=True, check=True).stdout
bad = []
for line in out.splitlines():
    m = re.match(r"^([0-9a-f]+)\s+R_390_12\s+\.text\+0x([0-9a-f]+)$", line.strip())
    if m and int(m.group(2), 16) > 0xFFF:
        bad.append("offset 0x%s: displacement 0x%s does not fit in 12 bits" % (m.group(1), m.group(2)))
if bad:
    sys.exit("%s: base-0 operand beyond 4095 (use LARL and a base register):\n  %s"
             % (obj, "\n  ".join(bad)))
