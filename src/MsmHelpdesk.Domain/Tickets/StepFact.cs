namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// Something that happens elsewhere in the helpdesk and, by happening, finishes a step: a step that waits for a
/// fact is not ticked by hand, the fact ticks it (and the step shows which fact it was).
/// </summary>
public enum StepFact
{
    /// <summary>A KPP visit was put in the agenda.</summary>
    VisitScheduled,

    /// <summary>The KPP visit was held and the new certificate was issued.</summary>
    CertificateIssued,

    /// <summary>The client's certificate dates now show a certificate that is valid.</summary>
    ClientCertificateUpdated,
}

/// <summary>Which fact finishes a playbook step: the playbook says so, or (for playbooks written before it could) its words.</summary>
public static class StepFacts
{
    /// <summary>
    /// The fact a step's title reads as, for playbook text that carries no explicit fact (catalogues edited before
    /// facts existed). Deliberately narrow: a step that matches none is ticked by hand as before.
    /// </summary>
    public static StepFact? Recognise(string title)
    {
        bool Has(string word) => title.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Has("KPP") && (Has("jadwal") || Has("schedule")))
        {
            return StepFact.VisitScheduled;
        }

        if (Has("KPP") && (Has("selesai") || Has("held")) && (Has("terbit") || Has("issued")))
        {
            return StepFact.CertificateIssued;
        }

        if (Has("sertifikat") && Has("data klien") && (Has("perbarui") || Has("update")))
        {
            return StepFact.ClientCertificateUpdated;
        }

        return null;
    }
}
