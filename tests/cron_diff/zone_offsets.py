#!/usr/bin/env python3
"""trigc's UTC offsets against Python's zoneinfo, for every zone of the system's tz database.

For each zone trigc accepts, the instants are 00:00 and 12:00 UTC on the 1st and 15th of every month from 1970
to 2050 (past 2037 the files list no transitions and their footer's rule applies), and each transition of the
zone's TZif data (one second before it, at it, one second after). zoneinfo reads the same files and honours their footer (the rules after the last listed transition), so
it is the reference. Prints the zones that differ with their first few wrong instants, and exits 1 if any.
Usage: zone_offsets.py --runner PATH
"""

import argparse
import datetime
import os
import struct
import subprocess
import sys
import zoneinfo

ZONE_DIR = "/usr/share/zoneinfo"
FIRST = int(datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
LAST = int(datetime.datetime(2038, 1, 1, tzinfo=datetime.timezone.utc).timestamp())


def sample_instants():
    out = []
    for year in range(1970, 2051):
        for month in range(1, 13):
            for day in (1, 15):
                for hour in (0, 12):
                    stamp = datetime.datetime(year, month, day, hour, tzinfo=datetime.timezone.utc)
                    out.append(int(stamp.timestamp()))
    return out


def transitions(path):
    """The transition instants of a TZif file's 64-bit data block (RFC 8536)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"TZif" or data[4:5] < b"2":
        return []
    counts = struct.unpack(">6l", data[20:44])
    isutc, isstd, leap, timecnt, typecnt, charcnt = counts
    offset = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc
    isutc, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(">6l", data[offset + 20 : offset + 44])
    return list(struct.unpack(">%dq" % timecnt, data[offset + 44 : offset + 44 + timecnt * 8]))


def zone_names():
    names = set()
    for name in zoneinfo.available_timezones():
        if name.startswith(("posix/", "right/")) or name in ("Factory", "localtime", "posixrules"):
            continue
        if os.path.isfile(os.path.join(ZONE_DIR, name)):
            names.add(name)
    return sorted(names)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runner", required=True)
    args = parser.parse_args()
    samples = sample_instants()
    cases = []
    for name in zone_names():
        instants = set(samples)
        for t in transitions(os.path.join(ZONE_DIR, name)):
            if FIRST < t < LAST:
                instants.update((t - 1, t, t + 1))
        cases.append((name, sorted(instants)))
    stdin = "".join(f"{name}\t{' '.join(map(str, ts))}\n" for name, ts in cases)
    result = subprocess.run([args.runner], input=stdin, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert len(lines) == len(cases), (len(lines), len(cases))
    wrong_zones = 0
    checked = 0
    skipped = []
    for (name, instants), line in zip(cases, lines):
        if line == "ERR":
            skipped.append(name)
            continue
        zone = zoneinfo.ZoneInfo(name)
        got = list(map(int, line.split()))
        wrong = []
        for t, offset in zip(instants, got):
            want = datetime.datetime.fromtimestamp(t, zone).utcoffset().total_seconds()
            checked += 1
            if offset != want:
                wrong.append((t, offset, int(want)))
        if wrong:
            wrong_zones += 1
            shown = ", ".join(
                f"{datetime.datetime.fromtimestamp(t, datetime.timezone.utc):%Y-%m-%dT%H:%M:%SZ}: {o} != {w}"
                for t, o, w in wrong[:3]
            )
            print(f"{name}: {len(wrong)} of {len(instants)} offsets wrong ({shown})")
    print(f"{len(cases) - len(skipped)} zones, {checked} instants checked, {wrong_zones} zones wrong")
    if skipped:
        print(f"not accepted by trigc ({len(skipped)}): {' '.join(skipped[:20])}")
    return 1 if wrong_zones else 0


if __name__ == "__main__":
    sys.exit(main())
