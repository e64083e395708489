namespace MsmHelpdesk.Application.Common.Validation;

/// <summary>Lengths of resolution steps and KPP visits, shared by validators and the EF configuration.</summary>
public static class WorkLimits
{
    public const int StepNotesMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const int AgendaMaxPageSize = 100;
}
