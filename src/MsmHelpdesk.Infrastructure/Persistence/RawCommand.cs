using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// A SQL command of our own sent through EF's raw-SQL command: in the context's connection and transaction, seen by
/// command interceptors and the command log like any other, without a LINQ query around it (no expression tree, parameter
/// extraction or query-cache look-up). Placeholders are {0}, {1}… (decision records 0168, 0192).
/// </summary>
internal static class RawCommand
{
    public static Task<RelationalDataReader> ReaderAsync(DbContext context, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)context.Database).Dependencies;
        var command = dependencies.RawSqlCommandBuilder.Build(sql, values!);
        return command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(dependencies.RelationalConnection, command.ParameterValues, null, context, dependencies.CommandLogger, CommandSource.ExecuteSqlRaw),
            cancellationToken);
    }
}
