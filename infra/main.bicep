// What `azd up` provisions for WeatherFlow: a resource group holding the Container Apps environment, its registry
// and logs, the managed PostgreSQL server, the storage account of dataset files, the volumes of the broker and the
// cache, and a key vault with every secret. azd then deploys api, trainer, web, messaging and cache as container apps
// from the templates in src/WeatherFlow.AppHost/infra/, re-applied whole on every deploy (so the trainer's scale rule
// always is).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Object id of the user or service principal running azd: may read the key vault\'s secrets, to rotate them.')
param principalId string = ''

@description('Address whose confirmed account becomes the first admin when it signs in; empty makes none.')
param admin_email string = ''

@description('Client id of the GitHub OAuth app for "Sign in with GitHub"; empty leaves GitHub sign-in off.')
param github_client_id string = ''

@secure()
@description('Client secret of that GitHub OAuth app.')
param github_client_secret string = ''

@secure()
@description('Key the web signs its users\' api tokens with (generated once by azd).')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param web_user_token_key string

@secure()
@description('Password of the PostgreSQL administrator the apps connect as (generated once by azd).')
@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
param postgres_password string

@secure()
@description('Password of the RabbitMQ user (generated once by azd).')
@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
param messaging_password string

@secure()
@description('Password of the Redis cache (generated once by azd).')
@metadata({ azd: { type: 'generate', config: { length: 32, noSpecial: true } } })
param cache_password string

@minValue(0)
@maxValue(1)
@description('Trainers kept running with an empty queue: 0 scales to zero, 1 keeps one warm.')
param trainer_min_replicas int = 1

@minValue(1)
@maxValue(30)
@description('Most trainers the queue may scale out to.')
param trainer_max_replicas int = 10

@description('Compute size of the PostgreSQL server.')
param postgres_sku_name string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
@description('Compute tier of that size.')
param postgres_sku_tier string = 'Burstable'

@minValue(32)
@description('Storage of the PostgreSQL server in GiB (it grows by itself when nearly full).')
param postgres_storage_gb int = 32

@description('Name of the PostgreSQL server; empty: one made up from the subscription. Set it to a server restored to a point in time to make that one the weatherdb.')
param postgres_server_name string = ''

@minValue(7)
@maxValue(35)
@description('Days of automated backups kept, hence how far back a point-in-time restore can go.')
param postgres_backup_retention_days int = 7

var tags = { 'azd-env-name': environmentName }

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  scope: resourceGroup
  name: 'resources'
  params: {
    location: location
    tags: tags
    principalId: principalId
    githubClientId: github_client_id
    githubClientSecret: github_client_secret
    webUserTokenKey: web_user_token_key
    postgresPassword: postgres_password
    messagingPassword: messaging_password
    cachePassword: cache_password
    postgresServerName: postgres_server_name
    postgresSkuName: postgres_sku_name
    postgresSkuTier: postgres_sku_tier
    postgresStorageGb: postgres_storage_gb
    postgresBackupRetentionDays: postgres_backup_retention_days
  }
}

// Read by azd into the environment (.azure/<name>/.env) and by the container-app templates as {{ .Env.NAME }}.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.MANAGED_IDENTITY_CLIENT_ID
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = resources.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN
output AZURE_KEY_VAULT_ENDPOINT string = resources.outputs.AZURE_KEY_VAULT_ENDPOINT
output AZURE_POSTGRES_SERVER_NAME string = resources.outputs.AZURE_POSTGRES_SERVER_NAME
output WEATHERDB_HOST string = resources.outputs.WEATHERDB_HOST
output SERVICE_MESSAGING_VOLUME_DATA_NAME string = resources.outputs.SERVICE_MESSAGING_VOLUME_DATA_NAME
output SERVICE_CACHE_VOLUME_DATA_NAME string = resources.outputs.SERVICE_CACHE_VOLUME_DATA_NAME
output ADMIN_EMAIL string = admin_email
output GITHUB_CLIENT_ID string = github_client_id
output TRAINER_MIN_REPLICAS int = trainer_min_replicas
output TRAINER_MAX_REPLICAS int = trainer_max_replicas
