namespace MsmHelpdesk.Domain.Clients;

/// <summary>How the client issues tax invoices.</summary>
public enum EFakturChannel
{
    Unknown,
    Desktop3,
    Desktop4,
    Web,
    Coretax,
    Pjap,
}
