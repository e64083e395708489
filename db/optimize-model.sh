#!/usr/bin/env bash
# Regenerates the compiled EF Core model a SQLite host runs on (decision record 0191). Run after every model change
# (with db/add-migration.sh); CompiledModelTests fails while the committed model is stale.
# Usage: db/optimize-model.sh     (run from anywhere; needs only the .NET SDK)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
out=src/MsmHelpdesk.Infrastructure/Persistence/CompiledModels/Sqlite
# The project refers to the committed model, so it must build with it in place: the new model is written beside it
# (after the tool's build) and then takes its place, so no file of a removed entity stays behind.
next=Persistence/CompiledModels/Sqlite.next
rm -rf "src/MsmHelpdesk.Infrastructure/$next"
dotnet ef dbcontext optimize --project src/MsmHelpdesk.Infrastructure --startup-project db/MsmHelpdesk.Migrations.Sqlite \
  --context HelpdeskDbContext --output-dir "$next" \
  --namespace MsmHelpdesk.Infrastructure.Persistence.CompiledModels.Sqlite
rm -rf "$out"
mv "src/MsmHelpdesk.Infrastructure/$next" "$out"
# The assembly attribute would make EF use this model for every provider; the SQLite host asks for it by name.
rm -f "$out"/HelpdeskDbContextAssemblyAttributes.cs
