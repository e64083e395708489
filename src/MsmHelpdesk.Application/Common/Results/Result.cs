using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace MsmHelpdesk.Application.Common.Results;

/// <summary>The outcome of a command or query: success, or an expected failure as a value.</summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static implicit operator Result(Error error) => Failure(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, Error? error) : base(error) => _value = value;

    /// <summary>The value of a successful result; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    public static Result<T> Success(T value) => new(value, null);

    public static new Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>Builds a failed <typeparamref name="TResponse"/> for pipeline behaviours that stop a message.</summary>
public static class ResultFailure<TResponse>
{
    private static readonly Func<Error, TResponse> Create = Build();

    public static TResponse From(Error error) => Create(error);

    private static Func<Error, TResponse> Build()
    {
        var type = typeof(TResponse);
        if (type == typeof(Result))
        {
            return error => (TResponse)(object)Result.Failure(error);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var factory = type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])!;
            return error => (TResponse)factory.Invoke(null, [error])!;
        }

        return _ => throw new InvalidOperationException(
            $"{type.Name} is not a Result: every command and query must return Result or Result<T>.");
    }
}
