import { storeContext } from '../../store/context'
import type { PadFlow } from '../../store/pad-flow'

export const [PadContext, usePad] = storeContext<PadFlow>('PadFlow')
