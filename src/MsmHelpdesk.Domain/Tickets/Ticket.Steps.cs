using MsmHelpdesk.Domain.Common;

namespace MsmHelpdesk.Domain.Tickets;

/// <summary>The resolution steps of a ticket and the resolve guard they imply; every change lands in the timeline.</summary>
public sealed partial class Ticket
{
    private readonly List<TicketStep> _steps = [];

    /// <summary>Loaded only where steps are worked on (include them); in <see cref="TicketStep.Order"/> order.</summary>
    public IReadOnlyList<TicketStep> Steps => _steps;

    /// <summary>Required steps still Pending or InProgress: the ticket may not be resolved while there are any.</summary>
    public IReadOnlyList<TicketStep> OpenRequiredSteps() =>
        _steps.Where(step => step.IsRequired && step.IsOpen).OrderBy(step => step.Order).ToArray();

    /// <summary>
    /// Puts the confirmed cause's playbook on the ticket. Re-confirming adds only titles the cause does not have
    /// yet, so nothing is duplicated. Steps of another cause that nobody has touched (Pending, no notes) are
    /// removed, because the diagnosis they came from was wrong; steps someone worked on stay, to be finished or
    /// skipped with a reason. Does nothing on a resolved or closed ticket.
    /// </summary>
    public void ApplyPlaybook(string cause, IReadOnlyList<string> titles, Actor actor, DateTimeOffset now, Func<string, StepFact?>? factOf = null)
    {
        factOf ??= StepFacts.Recognise;
        if (!TicketWorkflow.IsOpen(Status))
        {
            return;
        }

        var replaced = _steps.Where(step => step.Cause is not null && step.Cause != cause && step.IsUntouched).OrderBy(step => step.Order).ToArray();
        foreach (var step in replaced)
        {
            _steps.Remove(step);
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepRemoved, actor, now, text: step.Title, oldValue: step.Cause, newValue: cause));
        }

        var present = _steps.Where(step => step.Cause == cause).Select(step => step.Title).ToHashSet(StringComparer.Ordinal);
        var added = titles.Select(title => title.Trim()).Where(title => title.Length > 0 && present.Add(title)).ToArray();
        Renumber();
        foreach (var title in added)
        {
            _steps.Add(TicketStep.Create(Id, Truncate(title, TicketStep.TitleMaxLength), required: true, cause, null, null, null, _steps.Count + 1, now, factOf(title)));
        }

        if (added.Length > 0)
        {
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepsFromPlaybook, actor, now,
                oldValue: added.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), newValue: cause));
        }

        if (replaced.Length > 0 || added.Length > 0)
        {
            Touch(now);
        }
    }

    public DomainError? AddStep(string title, bool required, string? assigneeId, DateOnly? dueOn, string? notes, Actor actor, DateTimeOffset now)
    {
        if (!TicketWorkflow.IsOpen(Status))
        {
            return DomainError.StepTicketNotOpen;
        }

        var step = TicketStep.Create(Id, title, required, null, assigneeId, dueOn, notes, _steps.Count + 1, now);
        _steps.Add(step);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepAdded, actor, now, text: step.Title, newValue: required ? "required" : "optional"));
        Touch(now);
        return null;
    }

    /// <summary>Starts, finishes, skips (with a reason) or reopens a step.</summary>
    public DomainError? ChangeStepStatus(Guid stepId, TicketStepStatus status, string? reason, Actor actor, DateTimeOffset now)
    {
        if (StepToWork(stepId) is not { } step)
        {
            return StepRefusal(stepId);
        }

        if (status == TicketStepStatus.Skipped && string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.StepSkipReasonRequired;
        }

        if (step.Status == status && status != TicketStepStatus.Skipped)
        {
            return null;
        }

        if (status == TicketStepStatus.Done && step.CompletedByFact is { } fact)
        {
            return DomainError.StepDoneByFact(fact);
        }

        var from = step.Status;
        step.SetStatus(status, reason, actor, now);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepStatusChanged, actor, now,
            text: status == TicketStepStatus.Skipped ? $"{step.Title} — {step.SkipReason}" : step.Title,
            oldValue: from.ToString(), newValue: status.ToString()));
        Touch(now);
        return null;
    }

    /// <summary>Assignee, due date and notes of a step; each changed field is its own timeline line.</summary>
    public DomainError? EditStep(Guid stepId, string? assigneeId, DateOnly? dueOn, string? notes, Actor actor, DateTimeOffset now)
    {
        if (StepToWork(stepId) is not { } step)
        {
            return StepRefusal(stepId);
        }

        var before = (step.AssigneeId, DueOn: step.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), step.Notes);
        step.Edit(assigneeId, dueOn, notes);
        var after = (step.AssigneeId, DueOn: step.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), step.Notes);
        (string Field, string? Old, string? New)[] changes =
        [
            ("AssigneeId", before.AssigneeId, after.AssigneeId),
            ("DueOn", before.DueOn, after.DueOn),
            ("Notes", before.Notes, after.Notes),
        ];
        var changed = changes.Where(change => change.Old != change.New).ToArray();
        foreach (var (field, oldValue, newValue) in changed)
        {
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepEdited, actor, now, text: step.Title, field: field, oldValue: oldValue, newValue: newValue));
        }

        if (changed.Length > 0)
        {
            Touch(now);
        }

        return null;
    }

    /// <summary>Swaps a step with its neighbour above (<paramref name="up"/>) or below; at either end nothing moves.</summary>
    public DomainError? MoveStep(Guid stepId, bool up, Actor actor, DateTimeOffset now)
    {
        if (StepToWork(stepId) is not { } step)
        {
            return StepRefusal(stepId);
        }

        Renumber();
        var ordered = _steps.OrderBy(s => s.Order).ToList();
        var index = ordered.IndexOf(step);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count)
        {
            return null;
        }

        var from = step.Order;
        var neighbour = ordered[other];
        step.MoveTo(neighbour.Order);
        neighbour.MoveTo(from);
        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepMoved, actor, now, text: step.Title,
            oldValue: from.ToString(System.Globalization.CultureInfo.InvariantCulture), newValue: step.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Touch(now);
        return null;
    }

    /// <summary>
    /// A Manager resolves although required steps are open; the reason and the steps left open are audited.
    /// Who may do this is the application's rule (the message requires the role); the domain records it.
    /// </summary>
    public void OverrideOpenSteps(string reason, Actor actor, DateTimeOffset now)
    {
        var open = OpenRequiredSteps();
        if (open.Count == 0)
        {
            return;
        }

        _timeline.Add(TimelineEntry.Create(Id, TimelineKind.ResolveOverridden, actor, now, text: reason.Trim(),
            oldValue: Truncate(string.Join("; ", open.Select(step => step.Title)), 4000),
            newValue: open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Touch(now);
    }

    /// <summary>
    /// A fact happened (a visit scheduled, a certificate issued, the client's certificate dates updated): every
    /// open step that waits for it is done, by the fact, with its own timeline line. Playbook steps stored before
    /// steps knew their fact are recognised by their words. Returns how many steps it finished.
    /// </summary>
    public int CompleteStepsByFact(StepFact fact, Actor actor, DateTimeOffset now)
    {
        if (!TicketWorkflow.IsOpen(Status))
        {
            return 0;
        }

        var waiting = _steps.OrderBy(s => s.Order)
            .Where(s => s.IsOpen && (s.CompletedByFact == fact || (s.CompletedByFact is null && s.Cause is not null && StepFacts.Recognise(s.Title) == fact)))
            .ToArray();
        foreach (var step in waiting)
        {
            var from = step.Status;
            step.CompleteByFact(actor, now);
            _timeline.Add(TimelineEntry.Create(Id, TimelineKind.StepDoneByFact, actor, now, text: step.Title, oldValue: from.ToString(), newValue: fact.ToString()));
        }

        if (waiting.Length > 0)
        {
            Touch(now);
        }

        return waiting.Length;
    }

    /// <summary>A KPP visit of this ticket changed: the visit keeps its own state, the ticket the audit line.</summary>
    internal void RecordVisit(TimelineKind kind, Actor actor, DateTimeOffset now, string? text, string? field, string? oldValue, string? newValue)
    {
        _timeline.Add(TimelineEntry.Create(Id, kind, actor, now, text: text, field: field, oldValue: oldValue, newValue: newValue));
        Touch(now);
    }

    private TicketStep? StepToWork(Guid stepId) =>
        TicketWorkflow.IsOpen(Status) ? _steps.FirstOrDefault(step => step.Id == stepId) : null;

    private DomainError StepRefusal(Guid stepId) =>
        _steps.Any(step => step.Id == stepId) ? DomainError.StepTicketNotOpen : DomainError.StepNotFound;

    private void Renumber()
    {
        var position = 1;
        foreach (var step in _steps.OrderBy(step => step.Order).ThenBy(step => step.CreatedAt))
        {
            if (step.Order != position)
            {
                step.MoveTo(position);
            }

            position++;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
