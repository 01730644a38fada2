// Image and container operations over a connected engine (an EngineConnection): plain Node, no
// editor. Everything streams (memory does not grow with image size), takes an AbortSignal that
// really stops the engine's work, and fails with a typed error worded for the user.
//
//   await buildImage(engine, { contextDir, dockerfile, tags, buildArgs, target, signal, onEvent })
//       → BuildResult | BuildFailedError (instruction + last output lines) | EngineError 'cancelled'
//   await saveImages(engine, { images, target, overwrite, signal, onProgress })   temp file + rename
//   await loadImages(engine, { source, signal, onProgress })  → { images }        | ImageArchiveError
//   await tagImage(engine, source, 'registry/repo:tag')
//   await pushImage(engine, { reference, credentials, signal, onProgress })     | RegistryAuthError
//   await pullImage(engine, { reference, credentials, signal, onProgress }) → { imageId, digest, downloaded }
//   await findCredentials(registry, { storedLogin })   Layerwise login → credHelpers/credsStore → auths
//   await verifyLogin(engine, registry, user, password)                          POST /auth
//   await removeImage(engine, ref, { force })                                    | ImageInUseError
//   await pruneImages / pruneContainers / pruneBuildCache(engine, …) → { removed, spaceReclaimedBytes }
//   await searchDockerHub(engine, term, { officialOnly, limit }) / searchRegistry({ registry, term, credentials })
//   await flattenImage(engine, { image, target, signal }) → sizes and layer counts before/after
//   await commitContainer(engine, { container, reference, message, author, pause, changes })
//   await runContainer(engine, { image, ports, env, envFiles, volumes, autoRemove, interactive })
//   await containerAction / removeContainer / containerLogs / execShell / exportContainer / healthLog
export * from './build';
export * from './buildContext';
export * from './buildkitStatus';
export * from './commit';
export * from './containers';
export * from './credentials';
export * from './dockerfileSteps';
export * from './dockerignore';
export * from './engineAccess';
export * from './fileTransfer';
export * from './flatten';
export * from './images';
export * from './jsonMessages';
export * from './layerProgress';
export * from './pull';
export * from './registry';
export * from './run';
export * from './saveLoad';
export * from './search';
export * from './tarWriter';
