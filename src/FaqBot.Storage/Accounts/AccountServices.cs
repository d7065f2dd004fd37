using FaqBot.Storage.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Storage.Accounts;

public static class AccountServices
{
    /// <summary>The account store, staff sessions and the audit log, with the <c>Accounts</c> options validated at
    /// start. The database itself (<c>IStoreDatabase</c>) and the clock come from
    /// <see cref="StorageServices.AddFaqBotStorage"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<StaffSessions>();
        services.TryAddSingleton<AuditLog>();
        return services;
    }
}
