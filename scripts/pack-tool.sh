#!/usr/bin/env bash
# Packs the strata .NET tool (docs/dotnet.md, "The tool packages") into artifacts/tool (or the folder given as $1):
#   Strata.Cli.<v>.nupkg            the pointer package (DotnetTool): names the RID packages, holds no binary;
#   Strata.Cli.linux-x64.<v>.nupkg  the NativeAOT strata (DotnetToolRidPackage), made on linux-x64 only;
#   Strata.Cli.any.<v>.nupkg        the framework-dependent fallback, installed on every other RID.
# Extra arguments go to every dotnet pack (e.g. -p:Version=1.2.3). The linux-x64 pack publishes NativeAOT into
# src/Strata.Cli/bin/Release/net10.0/linux-x64/publish: a `dotnet publish -r linux-x64` of the same sources and version
# before or after it reuses the native compilation (ILC's inputs and outputs are the same).
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-artifacts/tool}"
shift || true
project=src/Strata.Cli/Strata.Cli.csproj
mkdir -p "$out"
# A package holds its publish folder as it is: start from empty ones (the native compilation is kept in obj/).
rm -rf src/Strata.Cli/bin/Release/net10.0/any/publish src/Strata.Cli/bin/Release/net10.0/linux-x64/publish

dotnet pack "$project" -c Release -o "$out" -p:IncludeSymbols=false "$@"
dotnet pack "$project" -c Release -r any -p:PublishAot=false -o "$out" -p:IncludeSymbols=false "$@"
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  dotnet pack "$project" -c Release -r linux-x64 -o "$out" -p:IncludeSymbols=false "$@"
else
  echo "pack-tool: not on linux-x64: no NativeAOT package (the any package serves this machine)" >&2
fi
ls -1 "$out"
