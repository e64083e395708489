using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

public sealed class AppDbContextFactory(IDbContextFactory<HelpdeskDbContext> factory) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
