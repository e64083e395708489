#!/usr/bin/env bash
# Regenerates db/sqlserver-idempotent.sql from the SQL Server migrations (no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=db/MsmHelpdesk.Migrations.SqlServer
dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --context HelpdeskDbContext --output db/sqlserver-idempotent.sql
