import { boot } from '../../app/boot'
import { WindowPage } from './window-page'
import './window.css'

boot('window', () => <WindowPage />)
