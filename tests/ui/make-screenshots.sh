#!/bin/sh
# make-screenshots.sh TOOL OUTDIR LOCALEDIR: every view in nb and en.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
tool=$1 outdir=$2 localedir=$3
LANGUAGE=nb LC_ALL=C.UTF-8 "$tool" --lang nb --localedir "$localedir" "$outdir"
LANGUAGE=en LC_ALL=C.UTF-8 "$tool" --lang en --localedir "$localedir" "$outdir"
