using FluentValidation;
using MsmHelpdesk.Application.Common.Validation;

namespace MsmHelpdesk.Application.Common;

/// <summary>A list query that pages in the database.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }

    string? Search { get; }
}

/// <summary>The rules every paged list shares: page from 1, page size 1..200, a bounded search text.</summary>
public sealed class PagingValidator : AbstractValidator<IPagedQuery>
{
    public PagingValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).WithMessage(_ => AppText.PageOutOfRange(FieldLimits.MaxPageSize));
        RuleFor(query => query.PageSize).InclusiveBetween(1, FieldLimits.MaxPageSize).WithMessage(_ => AppText.PageOutOfRange(FieldLimits.MaxPageSize));
        RuleFor(query => query.Search).MaximumLength(FieldLimits.SearchMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.SearchMaxLength));
    }
}
