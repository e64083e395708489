using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

#pragma warning disable EF1001 // The query compiler is EF's internal service: only this test decorates it.

/// <summary>
/// The SQLite context's query compiler, which hands every LINQ query it runs to <see cref="Target"/> first: the same
/// query, over the same data the handler is looking at, is then compiled for SQL Server as well.
/// </summary>
internal sealed class MirroringQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext, evaluatableExpressionFilter, model)
{
    public static SqlServerMirror? Target { get; set; }

    public override TResult Execute<TResult>(Expression query)
    {
        Target?.Translate(query, typeof(TResult));
        return base.Execute<TResult>(query);
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        Target?.Translate(query, typeof(TResult));
        return base.ExecuteAsync<TResult>(query, cancellationToken);
    }
}

/// <summary>
/// Compiles a query written against the SQLite model for SQL Server and runs it on a context whose commands are
/// recorded instead of sent (answered with no rows). Raw SQL (FromSql, SqlQuery) is left out here: it is written per
/// provider, and the sweep without a connection sends the SQL Server branch of it.
/// </summary>
internal sealed class SqlServerMirror(IDbContextFactory<HelpdeskDbContext> sqlServer)
{
    private static readonly MethodInfo ExecuteMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.Execute))!;

    public ConcurrentQueue<string> Failures { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public int Translated => _translated;

    private int _translated;

    public void Translate(Expression query, Type resultType)
    {
        using var db = sqlServer.CreateDbContext();
        var rewriter = new ToSqlServerModel(db.Model, db.GetService<IAsyncQueryProvider>());
        var rewritten = rewriter.Visit(query);
        if (rewriter.RawSql)
        {
            return;
        }

        // Async terminal operators keep the synchronous operator in the tree (CountAsync → Queryable.Count), so the
        // synchronous path compiles the same query: Task<T> runs as T, an async stream as a sequence.
        var element = resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(Task<>) ? resultType.GetGenericArguments()[0]
            : resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? typeof(IEnumerable<>).MakeGenericType(resultType.GetGenericArguments()[0])
            : resultType;
        try
        {
            var result = ExecuteMethod.MakeGenericMethod(element).Invoke(db.GetService<IQueryCompiler>(), [rewritten]);
            if (result is IEnumerable rows and not string)
            {
                foreach (var _ in rows)
                {
                }
            }

            Interlocked.Increment(ref _translated);
        }
        catch (Exception exception) when (Unwrap(exception) is { } inner && IsTranslationFailure(inner))
        {
            Failures.Enqueue($"{inner.Message}\n{query}");
        }
        catch (Exception exception) when (Unwrap(exception) is InvalidOperationException { Message: var message } && message.Contains("An error was generated for warning", StringComparison.Ordinal))
        {
            // A query EF warns about (e.g. First without OrderBy): translated, but worth a look; the test prints these.
            Warnings.Enqueue($"{message}\n{query}");
        }
        catch (Exception exception) when (exception is TargetInvocationException or InvalidOperationException or NullReferenceException)
        {
            // No rows came back ("Sequence contains no elements"): the command was recorded before that.
            Interlocked.Increment(ref _translated);
        }
    }

    private static Exception Unwrap(Exception exception) => exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;

    private static bool IsTranslationFailure(Exception exception) =>
        exception is InvalidOperationException && (exception.Message.Contains("could not be translated", StringComparison.Ordinal)
            || exception.Message.Contains("client evaluation", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("is not supported", StringComparison.OrdinalIgnoreCase));

    /// <summary>Points a query's roots at the SQL Server model, inlining the queries it captured (a DbSet, a subquery) the same way.</summary>
    private sealed class ToSqlServerModel(IModel model, IAsyncQueryProvider provider) : ExpressionVisitor
    {
        public bool RawSql { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            if (node.GetType() == typeof(EntityQueryRootExpression))
            {
                var root = (EntityQueryRootExpression)node;
                var target = model.FindEntityType(root.EntityType.Name)
                    ?? throw new InvalidOperationException($"The SQL Server model has no {root.EntityType.Name}.");
                return new EntityQueryRootExpression(provider, target);
            }

            if (node is QueryRootExpression)
            {
                RawSql = true;
                return node;
            }

            return base.VisitExtension(node);
        }

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is IQueryable { Expression: var inner } && inner is not ConstantExpression ? Visit(inner) : base.VisitConstant(node);

        protected override Expression VisitMember(MemberExpression node)
        {
            if (typeof(IQueryable).IsAssignableFrom(node.Type) && !ParameterFinder.Uses(node)
                && Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile().Invoke() is IQueryable captured)
            {
                return Visit(captured.Expression);
            }

            return base.VisitMember(node);
        }
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool Uses(Expression expression)
        {
            var finder = new ParameterFinder();
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found = true;
            return node;
        }
    }
}
