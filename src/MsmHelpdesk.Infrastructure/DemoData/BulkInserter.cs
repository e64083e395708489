using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <summary>
/// Parameterized INSERTs for one table through the DbContext's own connection, reusing one prepared
/// statement. Columns and value conversions come from the EF model's type mappings, so values are stored
/// exactly as EF stores them (DateTimeOffset as ticks on SQLite, enums as text, Guids as upper-case text).
/// </summary>
internal abstract class BulkInserter : IAsyncDisposable
{
    protected BulkInserter(IProperty[] properties)
    {
        Mappings = properties.Select(property => property.GetRelationalTypeMapping()).ToArray();
        ToProvider = Mappings.Select(mapping => mapping.Converter?.ConvertToProvider ?? (value => value)).ToArray();
        // An owned type's columns are all nullable in its owner's table: the owned value may be absent.
        Nullable = properties.Select(property => property.IsNullable || (property.DeclaringType is IEntityType owned && owned.IsOwned())).ToArray();
    }

    public long RowsWritten { get; protected set; }

    protected RelationalTypeMapping[] Mappings { get; }

    protected Func<object?, object?>[] ToProvider { get; }

    protected bool[] Nullable { get; }

    /// <summary>
    /// An inserter for <paramref name="entityType"/>'s table and the named properties, in that order. On SQLite
    /// it binds by position on a native prepared statement: Microsoft.Data.Sqlite looks every parameter up by
    /// name on each execution, which costs more than SQLite's own insert. Elsewhere (or when
    /// <paramref name="portable"/>) it sends multi-row INSERTs through ordinary DbCommands.
    /// </summary>
    public static BulkInserter For(DbContext db, bool portable, IEntityType entityType, params string[] propertyNames)
    {
        var properties = PropertiesOf(entityType, propertyNames);
        var prefix = InsertPrefix(db, entityType, properties);
        var connection = db.Database.GetDbConnection();
        return connection is SqliteConnection sqlite && !portable
            ? new SqliteInserter(sqlite, prefix, properties)
            : new CommandInserter(connection, prefix, properties);
    }

    /// <summary>Statements run in this transaction from now on (the seeder commits in chunks).</summary>
    public abstract void Use(DbTransaction transaction);

    /// <summary>Takes one row (values in property order, as the entity holds them); true when rows were written to the database.</summary>
    public abstract ValueTask<bool> AddAsync(object?[] values, CancellationToken cancellationToken);

    /// <summary>Writes the rows still buffered.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteInserter : BulkInserter
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;

        public SqliteInserter(SqliteConnection connection, string prefix, IProperty[] properties) : base(properties)
        {
            _connection = connection;
            var sql = prefix + "(" + string.Join(", ", properties.Select(_ => "?")) + ")";
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
        }

        public override void Use(DbTransaction transaction)
        {
            // Native statements run in the connection's transaction, which is the one the seeder began.
        }

        public override ValueTask<bool> AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(i + 1, ToProvider[i](values[i]));
            }

            var result = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            RowsWritten++;
            return ValueTask.FromResult(true);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>The storage classes Microsoft.Data.Sqlite gives these CLR types (a test compares with rows EF wrote).</summary>
        private void Bind(int index, object? value)
        {
            var result = value switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string text => raw.sqlite3_bind_text(_statement, index, text),
                Guid id => raw.sqlite3_bind_text(_statement, index, id.ToString().ToUpperInvariant()),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name}."),
            };
            Check(result);
        }

        private void Check(int result)
        {
            if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(result, _connection.Handle);
            }
        }
    }

    /// <summary>The named properties of <paramref name="entityType"/>; "Suggested.Cause" names a property of an owned type stored in the same table (table splitting).</summary>
    public static IProperty[] PropertiesOf(IEntityType entityType, IEnumerable<string> propertyNames) =>
        propertyNames
            .Select(name => (name.Split('.') is [var owner, var property]
                    ? entityType.FindNavigation(owner)?.TargetEntityType.FindProperty(property)
                    : entityType.FindProperty(name))
                ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no property {name}."))
            .ToArray();

    /// <summary>"INSERT INTO table (columns) VALUES " for the properties, in the provider's quoting.</summary>
    public static string InsertPrefix(DbContext db, IEntityType entityType, IProperty[] properties)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        // The table's own column names: a column renamed for this table only (Ticket_ConfirmedAt) differs from GetColumnName().
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(store) ?? property.GetColumnName()));
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
    }

    /// <summary>"({first}, {first + 1}, …)": <paramref name="count"/> of EF's raw-SQL placeholders, numbered on from <paramref name="next"/>.</summary>
    public static string Placeholders(ref int next, int count)
    {
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"{{{next++}}}");
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    private sealed class CommandInserter : BulkInserter
    {
        /// <summary>SQL Server accepts at most 2,100 parameters per command.</summary>
        private const int MaxParametersPerCommand = 2000;

        private readonly DbConnection _connection;
        private readonly string _insertPrefix;
        private readonly int _columnCount;
        private readonly DbCommand _batchCommand;
        private readonly int _rowsPerCommand;
        private int _bufferedRows;
        private DbTransaction? _transaction;

        public CommandInserter(DbConnection connection, string insertPrefix, IProperty[] properties) : base(properties)
        {
            _connection = connection;
            _insertPrefix = insertPrefix;
            _columnCount = properties.Length;
            _rowsPerCommand = Math.Max(1, Math.Min(500, MaxParametersPerCommand / _columnCount));
            _batchCommand = CreateCommand(_rowsPerCommand);
        }

        public override void Use(DbTransaction transaction)
        {
            _transaction = transaction;
            _batchCommand.Transaction = transaction;
        }

        public override async ValueTask<bool> AddAsync(object?[] values, CancellationToken cancellationToken)
        {
            var offset = _bufferedRows * _columnCount;
            for (var i = 0; i < _columnCount; i++)
            {
                _batchCommand.Parameters[offset + i].Value = ToProvider[i](values[i]) ?? DBNull.Value;
            }

            if (++_bufferedRows < _rowsPerCommand)
            {
                return false;
            }

            await _batchCommand.ExecuteNonQueryAsync(cancellationToken);
            RowsWritten += _bufferedRows;
            _bufferedRows = 0;
            return true;
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_bufferedRows == 0)
            {
                return;
            }

            await using var tail = CreateCommand(_bufferedRows);
            tail.Transaction = _transaction;
            for (var i = 0; i < _bufferedRows * _columnCount; i++)
            {
                tail.Parameters[i].Value = _batchCommand.Parameters[i].Value;
            }

            await tail.ExecuteNonQueryAsync(cancellationToken);
            RowsWritten += _bufferedRows;
            _bufferedRows = 0;
        }

        public override ValueTask DisposeAsync() => _batchCommand.DisposeAsync();

        private DbCommand CreateCommand(int rows)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            var text = new StringBuilder(_insertPrefix);
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < _columnCount; column++)
                {
                    var name = $"@p{(row * _columnCount) + column}";
                    text.Append(column == 0 ? name : ", " + name);
                    command.Parameters.Add(Mappings[column].CreateParameter(command, name, null, Nullable[column]));
                }

                text.Append(')');
            }

#pragma warning disable CA2100 // Table and column names come from the EF model; every value is a parameter.
            command.CommandText = text.ToString();
#pragma warning restore CA2100
            return command;
        }
    }
}
