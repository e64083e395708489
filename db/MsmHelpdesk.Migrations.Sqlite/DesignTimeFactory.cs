using Microsoft.EntityFrameworkCore.Design;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Migrations.Sqlite;

public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HelpdeskDbContext>
{
    public HelpdeskDbContext CreateDbContext(string[] args) => DesignTimeContexts.Create(DatabaseProvider.Sqlite);
}
