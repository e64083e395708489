#!/usr/bin/env bash
# Adds a migration NAME for both providers and regenerates the idempotent SQL Server script.
# Usage: db/add-migration.sh NAME     (run from anywhere; needs only the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: db/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  project=db/MsmHelpdesk.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --context HelpdeskDbContext --output-dir Migrations
done
db/script-sqlserver.sh
